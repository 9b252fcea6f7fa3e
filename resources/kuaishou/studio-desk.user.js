// ==UserScript==
// @name         Studio Desk — Kuaishou live chat ({{ROOM}})
// @namespace    studio-desk
// @version      1.0
// @description  Sends this Kuaishou live room's chat to Studio Desk on this computer.
// @match        https://live.kuaishou.com/u/*
// @grant        none
// @run-at       document-idle
// ==/UserScript==

// Filled in by Studio Desk (sources dialog): the room key, the port and the studio's secret.
// The secret is what lets Studio Desk tell this script from any other program on the computer.
(function () {
  "use strict";
  const URL = "ws://127.0.0.1:{{PORT}}/{{ROOM}}?key={{SECRET}}";
  const ACCOUNT = (location.pathname.match(/^\/u\/([^/?#]+)/) || [])[1] || "";
  let ws = null;
  let queue = [];

  function send(message) {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    else if (queue.length < 500) queue.push(message);
  }

  function connect() {
    ws = new WebSocket(URL);
    ws.onopen = function () {
      ws.send(JSON.stringify({ type: "info", content: "ws连接成功" }));
      ws.send(JSON.stringify({ type: "account", id: ACCOUNT }));
      queue.splice(0).forEach(send);
    };
    ws.onclose = function (event) {
      if (event.code === 1008) console.warn("Studio Desk refused this page:", event.reason);
      setTimeout(connect, 1000);
    };
  }

  function text(item, selector) {
    const node = item.querySelector(selector);
    return node ? node.textContent.trim() : "";
  }

  // One chat line (the same page structure the stock script reads): a nickname and a comment,
  // a gift or a like.
  function read(item) {
    if (!item.classList.contains("chat-info")) return;
    const username = text(item, ".username").replace(/[:：]$/, "").trim();
    if (!username) return;
    if (item.querySelector(".gift-comment")) {
      const img = item.querySelector(".gift-img");
      send({ type: "gift", username: username, gift: (img && img.alt) || text(item, ".gift-comment") });
    } else if (item.querySelector(".like")) {
      send({ type: "like", username: username });
    } else if (text(item, ".comment")) {
      send({ type: "comment", username: username, content: text(item, ".comment") });
    }
  }

  // The chat list appears after the page loads; watch it for added lines.
  function watch() {
    const list = document.querySelector(".history");
    if (!list) return setTimeout(watch, 1000);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) read(node);
        });
      });
    }).observe(list, { childList: true });
  }

  connect();
  watch();
})();
