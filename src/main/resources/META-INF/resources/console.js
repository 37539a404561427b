// The console: one page over the service's API (/api). It polls the status every two seconds (every second while a
// run is in flight); every change it asks for is a POST that carries the session's CSRF token.
"use strict";

let csrf = null;
let runsOffset = 0;
const RUNS_PAGE = 15;

const $ = (selector) => document.querySelector(selector);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, options = {}) {
  const headers = { "Accept": "application/json" };
  if (options.method === "POST") {
    headers["Content-Type"] = "application/json";
    if (csrf) headers["X-CSRF-Token"] = csrf;
  }
  const response = await fetch(path, { credentials: "same-origin", ...options, headers });
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const error = new Error(body.error || response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}

const post = (path, body) => api(path, { method: "POST", body: JSON.stringify(body || {}) });

function say(text, isError) {
  const message = $("#message");
  message.textContent = text;
  message.className = "message" + (isError ? " error" : "");
  message.hidden = false;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => { message.hidden = true; }, 8000);
}

async function act(action, done) {
  try {
    const result = await action();
    if (done) say(typeof done === "function" ? done(result) : done);
    await refresh();
  } catch (e) {
    say(e.message, true);
  }
}

const number = (value) => value === null || value === undefined ? "" : Number(value).toLocaleString("en");
const time = (value) => value ? new Date(value).toLocaleString() : "";

function age(seconds) {
  if (seconds === null || seconds === undefined) return "";
  if (seconds < 60) return seconds + " s";
  if (seconds < 3600) return Math.floor(seconds / 60) + " min";
  return Math.floor(seconds / 3600) + " h " + Math.floor((seconds % 3600) / 60) + " min";
}

function sparkline(values) {
  const width = 120, height = 22;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  if (!values.length) return svg;
  const max = Math.max(...values, 1);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`);
  const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
  line.setAttribute("points", values.length > 1 ? points.join(" ") : `0,${points[0].split(",")[1]} ${width},${points[0].split(",")[1]}`);
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "#2e5bdb");
  line.setAttribute("stroke-width", "1.5");
  svg.append(line);
  const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
  title.textContent = values.map((v) => Math.round(v)).join(", ");
  svg.append(title);
  return svg;
}

function renderStatus(status) {
  $("#shops").textContent = `${status.source} (${status.sourceSystem}) → ${status.destination}`;
  const body = $("#overview tbody");
  body.replaceChildren(...status.types.map((type) => {
    const last = type.lastRun || {};
    return el("tr", { "data-type": type.type },
      el("td", {}, type.type),
      el("td", { class: "num" }, type.tracked ? number(type.pending) : el("span", { class: "muted" }, "not tracked")),
      el("td", { class: "num" }, age(type.oldestPendingSeconds)),
      el("td", { class: "num" + (type.parked ? " warn" : "") }, type.tracked ? number(type.parked) : ""),
      el("td", {}, time(last.startedAt)),
      el("td", { class: "outcome " + (last.outcome || "") }, last.outcome || ""),
      el("td", { class: "num" }, number(last.read)),
      el("td", { class: "num" }, last.read === undefined ? "" : number(last.created + last.updated + last.deleted)),
      el("td", { class: "num" }, number(last.invalid)),
      el("td", { class: "num" }, last.recordsPerSecond === undefined ? "" : number(Math.round(last.recordsPerSecond))),
      el("td", {}, sparkline(type.recordsPerSecond)));
  }));
  const alerts = status.alerts || [];
  $("#alerts-section").hidden = alerts.length === 0;
  $("#alerts").replaceChildren(...alerts.slice(0, 10).map((alert) =>
    el("li", { class: alert.kind.endsWith("recovered") ? "" : "error", "data-kind": alert.kind }, `${time(alert.at)}: ${alert.message}`)));
  const flight = status.inFlight;
  const box = $("#in-flight");
  if (!flight) {
    box.replaceChildren(el("p", { class: "idle" }, "No run in flight."));
  } else {
    const total = flight.total;
    const done = flight.processed || 0;
    const bar = el("div", { class: "progress" + (total ? "" : " indeterminate"), role: "progressbar",
      "aria-valuenow": done, "aria-valuemax": total || null }, el("div", { style: total ? `width:${Math.min(100, 100 * done / total)}%` : null }));
    box.replaceChildren(
      el("p", {}, el("strong", {}, flight.command), ` (${flight.cause}) since ${time(flight.startedAt)}`),
      flight.type ? el("p", {}, `${flight.type}: ${number(done)}${total ? " of " + number(total) : ""} records, ${number(flight.recordsPerSecond)}/s`
        + (flight.alsoRunning && flight.alsoRunning.length ? `; also running: ${flight.alsoRunning.join(", ")}` : "")) : null,
      bar);
  }
  return flight;
}

function renderParked(list) {
  const body = $("#parked tbody");
  if (!list.parked.length) {
    body.replaceChildren(el("tr", {}, el("td", { colspan: 7, class: "muted" }, "No parked change.")));
    return;
  }
  body.replaceChildren(...list.parked.map((change) => el("tr", { "data-id": change.id },
    el("td", {}, change.type),
    el("td", {}, change.entityId + (change.identifier ? ` (${change.identifier})` : "")),
    el("td", {}, change.action),
    el("td", { class: "num" }, change.attempts),
    el("td", { class: "error" }, change.reason || ""),
    el("td", {}, time(change.changedAt)),
    el("td", {},
      el("button", { class: "small retry", onclick: () => act(() => post(`/api/parked/${change.id}/retry`), `${change.type} ${change.entityId} goes back to pending`) }, "Retry"),
      " ",
      el("button", { class: "small dismiss", onclick: () => act(() => post(`/api/parked/${change.id}/dismiss`), `${change.type} ${change.entityId} dismissed`) }, "Dismiss")))));
}

function renderSchedules(list) {
  $("#schedules tbody").replaceChildren(...list.schedules.map((schedule) => {
    const state = !schedule.enabled ? "off" : schedule.paused ? "paused" : "running";
    const cron = el("input", { value: schedule.cron || "", size: 18, "aria-label": schedule.name + " cron", disabled: !schedule.enabled });
    return el("tr", { "data-name": schedule.name },
      el("td", {}, schedule.name),
      el("td", {}, cron),
      el("td", { class: "state " + state }, state, schedule.note ? el("div", { class: "muted" }, schedule.note) : null),
      el("td", {}, time(schedule.nextRun)),
      el("td", {}, time(schedule.lastRun)),
      el("td", {}, !schedule.enabled ? null : [
        el("button", { class: "small toggle", onclick: () => act(() => post(`/api/schedules/${schedule.name}/${schedule.paused ? "resume" : "pause"}`),
          `${schedule.name} schedule ${schedule.paused ? "resumed" : "paused"}`) }, schedule.paused ? "Resume" : "Pause"),
        " ",
        el("button", { class: "small save-cron", onclick: () => act(() => post(`/api/schedules/${schedule.name}/cron`, { cron: cron.value }),
          `${schedule.name} schedule set to ${cron.value}`) }, "Save cron")]));
  }));
}

function renderRuns(page) {
  $("#runs tbody").replaceChildren(...page.runs.map((run) => el("tr", { class: "clickable", "data-run": run.runId, onclick: () => showRun(run.runId) },
    el("td", {}, run.runId),
    el("td", {}, run.command),
    el("td", {}, run.cause),
    el("td", {}, time(run.startedAt)),
    el("td", { class: "num" }, run.seconds === null ? "" : run.seconds),
    el("td", { class: "outcome " + run.outcome }, run.outcome),
    el("td", { class: "num" }, number(run.read)),
    el("td", { class: "num" }, number(run.written)),
    el("td", { class: "num" }, number(run.invalid)),
    el("td", { class: "muted" }, run.message || ""))));
  $("#runs-newer").disabled = page.offset === 0;
  $("#runs-older").disabled = !page.more;
}

async function showRun(runId) {
  try {
    const run = await api(`/api/runs/${runId}`);
    const report = $("#run-report");
    report.hidden = false;
    report.replaceChildren(
      el("h2", {}, `Run ${run.runId}: ${run.command}`, el("button", { class: "small", onclick: () => { report.hidden = true; } }, "Close")),
      el("p", {}, `${run.cause}, ${time(run.startedAt)}, ${run.seconds ?? "?"} s, `, el("span", { class: "outcome " + run.outcome }, run.outcome),
        run.message ? el("span", { class: "error" }, " — " + run.message) : null),
      el("table", {},
        el("thead", {}, el("tr", {}, ...["Type", "Read", "Created", "Updated", "Unchanged", "Skipped", "Invalid", "Deleted", "Seconds", "Records/s"]
          .map((h) => el("th", {}, h)))),
        el("tbody", {}, ...run.entities.map((e) => el("tr", { class: e.failed ? "error" : "" },
          el("td", {}, e.type), ...[e.read, e.created, e.updated, e.unchanged, e.skipped, e.invalid, e.deleted, e.seconds, Math.round(e.recordsPerSecond)]
            .map((v) => el("td", { class: "num" }, number(v))))))));
  } catch (e) {
    say(e.message, true);
  }
}

function renderDeadLetters(list) {
  const box = $("#dead-letters");
  if (!list.files.length) {
    box.replaceChildren(el("p", { class: "muted" }, `No dead letters in ${list.directory}.`));
    return;
  }
  box.replaceChildren(...list.files.map((file) => el("details", {},
    el("summary", {}, `${file.file}: ${number(file.records)} record${file.records === 1 ? "" : "s"}, ${time(file.modifiedAt)}`),
    el("table", {}, el("tbody", {}, ...file.letters.map((letter) => el("tr", {},
      el("td", {}, letter.entityType), el("td", {}, letter.record || letter.sourceId || ""),
      el("td", { class: "error" }, (letter.problems || []).map((p) => `${p.field}: ${p.reason}`).join("; ")),
      el("td", {}, el("pre", {}, JSON.stringify(letter.values, null, 1))))))))));
}

let timer = null;

async function refresh() {
  clearTimeout(timer);
  let flight = null;
  try {
    const [status, parked, schedules, runs, letters] = await Promise.all([api("/api/status"), api("/api/parked"),
      api("/api/schedules"), api(`/api/runs?limit=${RUNS_PAGE}&offset=${runsOffset}`), api("/api/dead-letters")]);
    flight = renderStatus(status);
    renderParked(parked);
    renderSchedules(schedules);
    renderRuns(runs);
    renderDeadLetters(letters);
  } catch (e) {
    if (e.status === 401) return showLogin();
    say(e.message, true);
  }
  timer = setTimeout(refresh, flight ? 1000 : 2000);
}

function showLogin() {
  clearTimeout(timer);
  $("#console").hidden = true;
  $("#login").hidden = false;
}

async function start() {
  try {
    const session = await api("/api/session");
    csrf = session.csrfToken;
    $("#who").textContent = session.who === "local" ? "local access (no credentials set)" : "logged in as " + session.who;
    $("#logout").hidden = session.who === "local";
    $("#login").hidden = true;
    $("#console").hidden = false;
    await refresh();
  } catch (e) {
    if (e.status === 401) showLogin();
    else say(e.message, true);
  }
}

$("#login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    await post("/api/login", Object.fromEntries(form.entries()));
    $("#login-error").textContent = "";
    await start();
  } catch (e) {
    $("#login-error").textContent = e.message;
  }
});
$("#logout").addEventListener("click", async () => { await post("/api/logout"); csrf = null; showLogin(); });
$("#run-incremental").addEventListener("click", () => act(() => post("/api/run/incremental"), (r) => r.message));
$("#run-sync").addEventListener("click", () => act(() => post("/api/run/sync", { entities: $("#sync-types").value.split(",").map((t) => t.trim()).filter(Boolean) }), (r) => r.message));
$("#retry-all").addEventListener("click", () => act(() => post("/api/parked/retry"), (r) => `${r.retried} parked change(s) go back to pending`));
$("#runs-newer").addEventListener("click", () => { runsOffset = Math.max(0, runsOffset - RUNS_PAGE); refresh(); });
$("#runs-older").addEventListener("click", () => { runsOffset += RUNS_PAGE; refresh(); });

start();
