// Tracecase's Tasklist: the product's name in the header (Camunda's customization file, see README)
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Tracecase'
  },
  disableWelcomeMessage: true,
  // "Open case page" on each task of a case (scripts/case-link.js)
  customScripts: ['scripts/case-link.js'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
