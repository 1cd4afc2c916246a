// The village list shows only the chosen commune's villages; without script it shows all, grouped by commune.
document.addEventListener("DOMContentLoaded", function () {
  var commune = document.getElementById("tipoff-commune");
  var village = document.getElementById("tipoff-village");
  if (!commune || !village) { return; }
  function filter() {
    var groups = village.querySelectorAll("optgroup");
    for (var i = 0; i < groups.length; i++) {
      var mine = groups[i].getAttribute("data-commune") === commune.value;
      groups[i].hidden = !mine;
      groups[i].disabled = !mine;
    }
    var chosen = village.options[village.selectedIndex];
    if (chosen && chosen.parentNode.disabled) { village.value = ""; }
  }
  commune.addEventListener("change", filter);
  filter();
});
