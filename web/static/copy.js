// A button copies a field's value: the station token is shown only once and must reach the box intact.
// <button data-copy-from="field id" data-copied="id of the note shown once copied">
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy-from]").forEach(function (button) {
    button.addEventListener("click", function () {
      const field = document.getElementById(button.dataset.copyFrom);
      field.select();
      const copied = navigator.clipboard ? navigator.clipboard.writeText(field.value)
                                         : Promise.resolve(document.execCommand("copy"));
      copied.then(function () { document.getElementById(button.dataset.copied).hidden = false; });
    });
  });
})();
