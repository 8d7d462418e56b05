/* The printable approval form (审批表): its 打印审批表 button opens the browser's print dialog. */
(function () {
  'use strict';
  var button = document.getElementById('sg-print');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
})();
