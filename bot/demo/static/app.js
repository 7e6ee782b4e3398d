// The demo page: draws one persona's chat from /api/state and redraws it whenever the
// server's event stream says that chat (or the clock) changed. No build step.
"use strict";

const PERSONAS = ["volunteer", "volunteer2", "coordinator", "admin", "group"];
let LANGUAGES = ["uz", "ru", "en"]; // replaced by the server's list (/api/texts)
const params = new URLSearchParams(location.search);
const stored = (key, fallback) => params.get(key) || localStorage.getItem("demo-" + key) || fallback;
const browserLanguage = (navigator.language || "uz").slice(0, 2);
let persona = PERSONAS.includes(stored("persona", "")) ? stored("persona", "") : "volunteer";
// The server answers in its default language for a code it does not know.
let pageLanguage = stored("lang", browserLanguage);
let texts = {};
let current = null;
let drawing = null;

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
};

async function api(path, body) {
  const options = body instanceof FormData
    ? { method: "POST", body }
    : body !== undefined
      ? { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }
      : {};
  const response = await fetch(path, options);
  if (!response.ok) throw new Error(await response.text());
  return response.json();
}

function toast(text, alert) {
  if (!text) return;
  if (alert) { window.alert(text); return; }
  const box = $("toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 2500);
}

async function loadTexts() {
  const answer = await api(`/api/texts?lang=${pageLanguage}`);
  pageLanguage = answer.language;
  texts = answer.texts;
  LANGUAGES = answer.languages;
  document.documentElement.lang = pageLanguage;
  document.title = texts.title;
  $("title").textContent = texts.title;
  $("intro").textContent = texts.intro;
  $("page-lang-label").textContent = texts["page-language"];
  $("app-lang-label").textContent = texts["app-language"];
  $("clock-label").textContent = texts.clock;
  $("jump-hour").textContent = texts["jump-hour"];
  $("jump-day").textContent = texts["jump-day"];
  $("jump-next").textContent = texts["jump-next"];
  $("bot-name").textContent = texts["bot-name"];
  $("text").placeholder = texts["message-placeholder"];
  $("send").title = texts.send;
  $("attach-btn").title = texts.attach;
  $("menu-btn").title = texts.menu;
  for (const select of [$("page-lang"), $("app-lang")]) {
    const chosen = select.value;
    select.replaceChildren(...LANGUAGES.map((code) => el("option", { value: code, textContent: texts[`language-name-${code}`] })));
    select.value = chosen || pageLanguage;
  }
  $("page-lang").value = pageLanguage;
  $("personas").replaceChildren(...PERSONAS.map((key) => {
    const button = el("button", {
      type: "button", className: key === persona ? "active" : "", textContent: texts[`persona-${key}`],
      onclick: () => choosePersona(key),
    });
    button.dataset.persona = key;
    return button;
  }));
}

function choosePersona(key) {
  persona = key;
  localStorage.setItem("demo-persona", key);
  for (const button of $("personas").children) button.classList.toggle("active", button.dataset.persona === key);
  $("commands").hidden = true;
  refresh();
}

function refresh() {
  // Redraws coalesce: a burst of events costs one fetch.
  if (drawing) { drawing.again = true; return; }
  drawing = { again: false };
  api(`/api/state?persona=${persona}&lang=${pageLanguage}`)
    .then(draw)
    .catch((error) => console.error(error))
    .finally(() => { const again = drawing.again; drawing = null; if (again) refresh(); });
}

function draw(state) {
  current = state;
  $("clock-now").textContent = state.clock.now;
  $("clock-next").textContent = `${texts.next} ${state.clock.next || texts["no-reminder"]}`;
  $("jump-next").disabled = !state.clock.next;
  $("chat-title").textContent = texts[`persona-${state.persona}`];
  $("app-lang").value = state.app_language;
  drawMessages(state.messages);
  drawKeyboard(state);
  drawCommands(state.commands);
}

function drawMessages(messages) {
  const chat = $("chat");
  const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 80;
  if (!messages.length) {
    chat.replaceChildren(el("div", { className: "empty", textContent: texts["empty-chat"] }));
    return;
  }
  chat.replaceChildren(...messages.map(drawMessage));
  if (atBottom || drawMessages.first !== false) chat.scrollTop = chat.scrollHeight;
  drawMessages.first = false;
}

function drawMessage(message) {
  const bubble = el("div", { className: "bubble" });
  if (message.photo) bubble.append(el("img", { src: message.photo, alt: "", loading: "lazy" }));
  if (message.file) {
    bubble.append(el("a", { className: "file", href: message.file.url, target: "_blank", rel: "noopener", textContent: `📄 ${message.file.name}` }));
  }
  if (message.contact) bubble.append(el("div", { textContent: `📱 ${message.contact}` }));
  if (message.sticker) bubble.append(el("div", { textContent: message.sticker, style: "font-size:48px" }));
  if (message.location) bubble.append(el("div", { textContent: `📍 ${message.location.join(", ")}` }));
  if (message.html) {
    const text = el("div", { className: "text" });
    text.innerHTML = message.html; // built server-side from entities, every character escaped
    for (const spoiler of text.querySelectorAll(".spoiler")) spoiler.onclick = () => spoiler.classList.add("shown");
    bubble.append(text);
  }
  const meta = el("div", { className: "meta" });
  if (message.edited) meta.append(el("span", { textContent: texts.edited }));
  if (message.time) meta.append(el("span", { textContent: message.time }));
  meta.append(el("button", { type: "button", className: "del", textContent: texts.delete, onclick: () => remove(message.id) }));
  bubble.append(meta);
  const node = el("div", { className: `msg ${message.from_bot ? "bot" : "me"}` }, bubble);
  bubble.addEventListener("click", () => node.classList.toggle("selected"));
  node.dataset.id = message.id;
  if (message.buttons.length) {
    node.append(el("div", { className: "ikb" }, ...message.buttons.map((row) => el("div", { className: "ikb-row" }, ...row.map((button) => inlineButton(message, button))))));
  }
  return node;
}

function inlineButton(message, button) {
  if (button.url) return el("a", { className: "ikb-btn", href: button.url, target: "_blank", rel: "noopener", textContent: `${button.text} ↗` });
  const node = el("button", { type: "button", className: "ikb-btn", textContent: button.text });
  if (button.copy !== undefined) node.onclick = () => navigator.clipboard?.writeText(button.copy);
  else node.onclick = async () => {
    node.disabled = true;
    try {
      const answer = await api("/api/press", { persona, message_id: message.id, data: button.data });
      toast(answer.text, answer.alert);
    } catch (error) { toast(String(error.message || error)); }
    finally { node.disabled = false; }
  };
  return node;
}

// A one-time keyboard hides after a tap (as in Telegram) until a message brings one
// again; ⌨ shows it meanwhile.
const hiddenKeyboards = {};
function drawKeyboard(state) {
  const box = $("keyboard");
  const rows = state.keyboard;
  const hidden = rows && hiddenKeyboards[state.persona] === state.keyboard_from;
  $("keyboard-btn").hidden = !hidden;
  if (!rows || hidden) { box.replaceChildren(); return; }
  box.replaceChildren(...rows.map((row) => el("div", { className: "row" }, ...row.map((button) => el("button", {
    type: "button", textContent: button.text,
    onclick: () => {
      if (state.keyboard_one_time) { hiddenKeyboards[state.persona] = state.keyboard_from; drawKeyboard(state); }
      return button.request_contact ? api("/api/contact", { persona }) : say(button.text);
    },
  })))));
}

// Links to this bot with ?start= open its chat with that payload, as Telegram does.
function deepLink(href) {
  const match = current && /^https:\/\/t\.me\/([A-Za-z0-9_]+)\?start=([A-Za-z0-9_-]+)$/.exec(href);
  return match && match[1] === current.bot_username ? match[2] : null;
}
$("chat").addEventListener("click", (event) => {
  const link = event.target.closest("a");
  const payload = link && deepLink(link.href);
  if (payload === null || payload === undefined) return;
  event.preventDefault();
  if (current.group) choosePersona("coordinator");
  say(`/start ${payload}`);
});

function drawCommands(commands) {
  $("menu-btn").hidden = !commands.length;
  $("commands").replaceChildren(...commands.map((command) => el("button", {
    type: "button", onclick: () => { $("commands").hidden = true; say(`/${command.command}`); },
  }, el("b", { textContent: `/${command.command}` }), el("span", { textContent: command.description }))));
}

async function say(text) {
  if (!text.trim()) return;
  try { await api("/api/send", { persona, text }); } catch (error) { toast(String(error.message || error)); }
}

async function remove(messageId) {
  try { await api("/api/delete", { persona, message_id: messageId }); } catch (error) { toast(String(error.message || error)); }
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("text").value;
  $("text").value = "";
  say(text);
});
$("menu-btn").onclick = () => { $("commands").hidden = !$("commands").hidden; };
$("keyboard-btn").onclick = () => { delete hiddenKeyboards[persona]; if (current) drawKeyboard(current); };
$("file").addEventListener("change", async () => {
  const form = new FormData();
  form.append("persona", persona);
  form.append("caption", $("text").value);
  for (const file of $("file").files) form.append("file", file, file.name);
  $("text").value = "";
  $("file").value = "";
  try { await api("/api/upload", form); } catch (error) { toast(String(error.message || error)); }
});
for (const button of document.querySelectorAll(".jump")) {
  button.onclick = async () => {
    button.disabled = true;
    try { await api(`/api/clock?lang=${pageLanguage}`, { jump: button.dataset.jump }); toast(texts.jumped); }
    catch (error) { toast(String(error.message || error)); }
    finally { button.disabled = false; refresh(); }
  };
}
$("page-lang").onchange = async () => {
  pageLanguage = $("page-lang").value;
  localStorage.setItem("demo-lang", pageLanguage);
  await loadTexts();
  refresh();
};
$("app-lang").onchange = () => api("/api/language", { persona, language: $("app-lang").value });

function listen() {
  const events = new EventSource("/api/events");
  events.onmessage = (event) => {
    const change = JSON.parse(event.data);
    if (change.clock || (current && change.chat === current.chat_id)) refresh();
  };
  events.onopen = refresh; // after a reconnect, catch up
}

(async () => {
  await loadTexts();
  refresh();
  listen();
})();
