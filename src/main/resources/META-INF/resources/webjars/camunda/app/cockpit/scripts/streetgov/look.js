/*
 * The look of this webapp for our users (the one customScripts entry of ../config.js): Camunda's red
 * "It is time to migrate to Camunda 8" banner of the Community Edition has nothing to tell auditors
 * and administrators of this installation, so it is hidden, as in Tasklist. The webapp loads each
 * custom script as an ES module and takes its default export as its plugins: there are none.
 */

const link = document.createElement('link');
link.rel = 'stylesheet';
link.type = 'text/css';
link.href = new URL('./look.css', import.meta.url).href;
document.head.appendChild(link);

export default [];
