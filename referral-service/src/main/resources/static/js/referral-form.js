// Shows the date field of the chosen package; without JavaScript both stay visible.
(function () {
  var form = document.getElementById('referral-form');
  if (!form) { return; }
  function update() {
    var chosen = form.querySelector('input[name="phase"]:checked');
    var phase = chosen ? chosen.value : '';
    form.querySelectorAll('.when-baby').forEach(function (el) { el.hidden = phase === 'TODDLER'; });
    form.querySelectorAll('.when-toddler').forEach(function (el) { el.hidden = phase === 'BABY'; });
  }
  form.querySelectorAll('input[name="phase"]').forEach(function (el) { el.addEventListener('change', update); });
  update();
})();
