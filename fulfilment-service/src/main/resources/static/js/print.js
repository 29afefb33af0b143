// Prints the packing slip (a script file of its own: the content security policy allows no inline scripts).
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
});
