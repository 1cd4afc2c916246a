// Live preview for the message editor: the server renders with the same function that publishes.
(function () {
  "use strict";
  const body = document.querySelector("textarea[name=body_md]");
  const preview = document.getElementById("preview");
  const stats = document.getElementById("preview-stats");
  if (!body || !preview) return;
  const token = document.querySelector("input[name=csrf_token]").value;
  let timer = null;
  let sequence = 0;
  const warnings = document.getElementById("name-warnings");

  // The fields that change what the public sees: the title is read on air, a story's person is masked.
  function draft() {
    const field = (name) => (body.form.elements[name] || {}).value || "";
    const consent = body.form.elements.name_consent;
    return {body_md: body.value, title: field("title"), summary: field("summary"), kind: field("kind"),
            person_name: field("person_name"), deed: field("deed"), spoken_override: field("spoken_override"),
            name_consent: Boolean(consent && consent.checked)};
  }

  function showWarnings(list) {
    if (!warnings) return;
    warnings.hidden = !list.length;
    const heading = document.createElement("strong");
    heading.textContent = warnings.dataset.heading;
    const items = document.createElement("ul");
    items.replaceChildren(...list.map(function (w) { const li = document.createElement("li"); li.textContent = w.text; return li; }));
    warnings.replaceChildren(heading, items);
  }

  async function refresh() {
    const mine = ++sequence;
    try {
      const response = await fetch(preview.dataset.url, {
        method: "POST",
        headers: {"Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": token},
        body: JSON.stringify(draft()),
        credentials: "same-origin",
      });
      const data = await response.json();
      if (mine !== sequence) return;  // a newer keystroke already asked again
      if (!response.ok) { stats.textContent = data.error || data.detail || "Không xem trước được."; return; }
      preview.innerHTML = data.html;  // already sanitized server-side by content.rendering
      showWarnings(data.name_warnings || []);
      preview.dispatchEvent(new CustomEvent("loa:preview", {detail: data}));
      const minutes = Math.floor(data.read_seconds / 60), seconds = data.read_seconds % 60;
      stats.textContent = data.words + " từ · đọc trên loa khoảng " + (minutes ? minutes + " phút " : "") + seconds + " giây";
    } catch (error) {
      stats.textContent = "Mất kết nối, chưa xem trước được (nội dung vẫn còn trong ô soạn thảo).";
    }
  }

  const later = function () { clearTimeout(timer); timer = setTimeout(refresh, 300); };
  body.form.addEventListener("input", later);
  body.form.addEventListener("change", later);
  refresh();

  // Searchable area picker: typing filters the options, without diacritics.
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  document.querySelectorAll("input[data-filter-for]").forEach(function (input) {
    const select = document.getElementById(input.dataset.filterFor);
    input.addEventListener("input", function () {
      const wanted = fold(input.value.trim());
      for (const option of select.options) option.hidden = wanted && !fold(option.text).includes(wanted) && !option.selected;
    });
  });
})();

// An image over the limit is refused before it is sent: uploading megabytes only to hear "too big"
// costs a commune connection minutes. The server checks again; this only saves the wait.
(function () {
  "use strict";
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    input.addEventListener("change", function () {
      const file = input.files[0];
      const tooBig = file && file.size > Number(input.dataset.maxBytes);
      input.setCustomValidity(tooBig ? input.dataset.tooBig : "");
      if (tooBig) input.reportValidity();
    });
  });
})();

// A live character count against the platform's limit for a channel's own wording.
(function () {
  "use strict";
  document.querySelectorAll("textarea[data-limit]").forEach(function (area) {
    const counter = document.getElementById(area.getAttribute("aria-describedby"));
    const show = function () { counter.textContent = area.value.length + " / " + area.dataset.limit; };
    area.addEventListener("input", show);
  });
})();

// The words the loudspeaker will say, from the same preview answer: one paragraph a line, as text only.
(function () {
  "use strict";
  const preview = document.getElementById("preview");
  const spoken = document.getElementById("spoken-preview");
  if (!preview || !spoken) return;
  preview.addEventListener("loa:preview", function (event) {
    spoken.replaceChildren(...(event.detail.spoken || "").split("\n").map(function (line) {
      const paragraph = document.createElement("p");
      paragraph.textContent = line;
      return paragraph;
    }));
  });
})();
