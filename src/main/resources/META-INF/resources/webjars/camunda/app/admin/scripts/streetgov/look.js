/* Admin's look is Cockpit's (no Camunda 8 banner): see ../../../cockpit/scripts/streetgov/look.js */
export {default} from '../../../cockpit/scripts/streetgov/look.js';
