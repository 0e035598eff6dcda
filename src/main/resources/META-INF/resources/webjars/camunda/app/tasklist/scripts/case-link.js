// Tracecase: every task of a case links to the case's page in Tracecase, a task of a
// recall campaign to the campaign's page, a task of a supplier corrective action to the
// action's page, and a task of a lot contained on its own to the lot's page. A Tasklist
// plugin (listed in config.js customScripts) on the task's action bar. What the task is
// about comes from its variables (supplierActionId, caseNumber, recallReference, else
// suspectLotCode), which whoever may work the task may read; its process instance they
// may not.

const CASE = /^FC-\d{4}-\d{6}$/;
const RECALL = /^RC-\d{4}-\d{4,}$/;
const ENGINE_API = '/camunda/api/engine/engine/default';

const get = async (api, path) => {
  const response = await fetch(`${api}${path}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${path}: ${response.status}`);
  }
  return response.json();
};

/** The task the action bar belongs to: from the plugin's parameters, else from the address. */
const taskIdOf = (params) =>
  params?.taskId ?? params?.task?.id
    ?? new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('task');

/** Where the task's variables point to, or null when they name neither a case nor a lot. */
const targetOf = (variables) => {
  const action = variables.supplierActionId?.value;
  if (Number.isInteger(action)) {
    return { href: `/supplier-actions/${action}`, text: `Open supplier action page SCA-${action}` };
  }
  const caseNumber = variables.caseNumber?.value;
  if (CASE.test(caseNumber ?? '')) {
    return { href: `/cases/${encodeURIComponent(caseNumber)}`, text: `Open case page ${caseNumber}` };
  }
  const recall = variables.recallReference?.value;
  if (RECALL.test(recall ?? '')) {
    return { href: `/recalls/${encodeURIComponent(recall)}`, text: `Open recall campaign ${recall}` };
  }
  const lot = variables.suspectLotCode?.value;
  return lot ? { href: `/lots/${encodeURIComponent(lot)}`, text: `Open lot page ${lot}` } : null;
};

const render = async (node, params) => {
  const api = params?.api?.engineApi ?? ENGINE_API;
  const taskId = taskIdOf(params);
  node.textContent = '';
  if (!taskId) {
    return;
  }
  try {
    const variables = await get(api,
      `/task/${encodeURIComponent(taskId)}/form-variables?variableNames=caseNumber,recallReference,suspectLotCode,supplierActionId`);
    const target = targetOf(variables);
    if (target && taskIdOf(params) === taskId) {
      const link = document.createElement('a');
      link.className = 'tracecase-case-link';
      link.href = target.href;
      link.textContent = target.text;
      // renders may overlap (the plugin renders again on every change of address): the
      // last one leaves exactly one link
      node.replaceChildren(link);
    }
  }
  catch (error) {
    // without the link the task is still worked as before
    console.warn('Tracecase case link:', error);
  }
};

export default [
  {
    id: 'tracecase.caseLink',
    pluginPoint: 'tasklist.task.action',
    priority: 500,
    render: (node, params) => {
      render(node, params);
      window.addEventListener('hashchange', () => node.isConnected && render(node, params));
    },
  },
];
