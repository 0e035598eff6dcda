// Scrolls each process diagram so that the first step the case is at is in view.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('.diagram-scroll').forEach((scroller) => {
    const current = scroller.querySelector('g.current');
    if (!current) {
      return;
    }
    const step = current.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    scroller.scrollLeft += step.left - view.left - (view.width - step.width) / 2;
  });
});
