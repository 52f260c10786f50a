/**
 * The docs UI at /api/v1/docs: one self-contained HTML page whose small script fetches
 * `openapi.json` beside it and lists the operations per tag, with their parameters, bodies,
 * responses and schemas. No CDN, no framework: it works behind a firewall and offline. Every
 * text from the document is inserted as a text node, never as HTML, so metadata cannot inject
 * markup; a Content-Security-Policy with the hashes of the inline script and style enforces it.
 */
import { createHash } from 'node:crypto'

const style = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}
header a{color:#fff}
main{max-width:1100px;margin:0 auto;padding:8px 24px 48px}h2{margin-top:32px}
.text{white-space:pre-wrap;color:#424a53}code{background:#eaeef2;padding:0 4px;border-radius:4px}
details{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:6px 0}
summary{cursor:pointer;padding:8px 12px}details>div{padding:0 12px 12px}
.m{display:inline-block;min-width:64px;font-weight:700;text-transform:uppercase}
.get{color:#0969da}.post{color:#1a7f37}.patch{color:#9a6700}.delete{color:#cf222e}
.path{font-family:ui-monospace,monospace}.muted{color:#57606a}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;vertical-align:top;
padding:4px 8px;border-bottom:1px solid #d0d7de}.error{color:#cf222e}`

const script = `
(function () {
  var doc;
  var root = document.getElementById('app');
  function el(tag, cls) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === undefined || child === null) continue;
      node.append(typeof child === 'string' ? text(child) : child);
    }
    return node;
  }
  function text(value) {
    var span = document.createElement('span');
    // Markdown-ish: a single line break inside a paragraph is a space; table rows stay lines.
    var joined = String(value).replace(/([^\\n|])\\n(?=[^\\n|])/g, '$1 ');
    joined.split('\\u0060').forEach(function (part, i) {
      span.append(i % 2 ? el('code', '', part) : document.createTextNode(part));
    });
    return span;
  }
  function resolve(node) {
    while (node && node.$ref) {
      node = node.$ref.slice(2).split('/').reduce(function (at, key) {
        return at && at[key.replace(/~1/g, '/').replace(/~0/g, '~')];
      }, doc);
    }
    return node || {};
  }
  function typeOf(schema) {
    if (!schema) return el('span', 'muted', 'none');
    if (schema.$ref) {
      var name = schema.$ref.split('/').pop();
      var a = el('a', '', name);
      a.href = '#schema-' + name;
      return a;
    }
    if (schema.type === 'array') return el('span', '', typeOf(schema.items), '[]');
    var union = schema.anyOf || schema.oneOf;
    if (union) return join(union.map(typeOf), ' | ', '', '');
    if (schema.type === 'object' && schema.properties && !schema.title) {
      return join(Object.keys(schema.properties).map(function (key) {
        return el('span', '', key + ': ', typeOf(schema.properties[key]));
      }), ', ', '{ ', ' }');
    }
    var type = [].concat(schema.type || 'any').join(' | ');
    var extra = [];
    if (schema.format) extra.push(schema.format);
    if (schema.enum) extra.push(schema.enum.map(function (v) { return JSON.stringify(v); }).join(', '));
    if (schema.minimum !== undefined) extra.push('≥ ' + schema.minimum);
    if (schema.maximum !== undefined) extra.push('≤ ' + schema.maximum);
    if (schema.maxLength !== undefined) extra.push('≤ ' + schema.maxLength + ' chars');
    if (schema.pattern) extra.push('pattern ' + schema.pattern);
    return el('span', '', type, extra.length ? el('span', 'muted', ' (' + extra.join('; ') + ')') : null);
  }
  function join(parts, separator, open, close) {
    var span = el('span', '', open);
    parts.forEach(function (part, i) { span.append(i ? separator : '', part); });
    span.append(close);
    return span;
  }
  function table(head, rows) {
    var t = el('table', '', el('tr', '', ...head.map(function (h) { return el('th', '', h); })));
    rows.forEach(function (row) { t.append(el('tr', '', ...row.map(function (c) { return el('td', '', c); }))); });
    return t;
  }
  function bodyOf(content) {
    return Object.keys(content || {}).map(function (type) {
      return el('div', '', el('span', 'muted', type + ': '), typeOf(content[type].schema));
    });
  }
  function operation(path, method, op) {
    var box = el('div', '', op.description ? el('p', 'text', op.description) : null);
    var params = (op.parameters || []).map(resolve);
    if (params.length) {
      box.append(el('h4', '', 'Parameters'), table(['name', 'in', 'type', 'description'],
        params.map(function (p) {
          return [el('code', '', p.name + (p.required ? ' *' : '')), p.in, typeOf(p.schema), p.description || ''];
        })));
    }
    if (op.requestBody) box.append(el('h4', '', 'Body'), ...bodyOf(resolve(op.requestBody).content));
    box.append(el('h4', '', 'Responses'), table(['status', 'description', 'body'],
      Object.keys(op.responses).map(function (status) {
        var r = resolve(op.responses[status]);
        return [status, r.description || '', el('div', '', ...bodyOf(r.content))];
      })));
    var details = el('details', '', el('summary', '', el('span', 'm ' + method, method), ' ',
      el('span', 'path', path), ' ', el('span', 'muted', op.summary || '')), box);
    details.id = 'op-' + op.operationId;
    return details;
  }
  function schemaBox(name, schema) {
    var required = schema.required || [];
    var props = schema.properties || {};
    var box = el('div', '', schema.description ? el('p', 'text', schema.description) : null);
    if (Object.keys(props).length) {
      box.append(table(['field', 'type', 'description'], Object.keys(props).map(function (key) {
        var p = props[key];
        var flags = (required.indexOf(key) >= 0 ? ' required' : '') + (p.readOnly ? ' read-only' : '');
        return [el('span', '', el('code', '', key), el('span', 'muted', flags)), typeOf(p),
          [p.title, p.description].filter(Boolean).join(' — ')];
      })));
    } else box.append(el('p', '', typeOf(schema)));
    var details = el('details', '', el('summary', '', el('strong', '', name), ' ',
      el('span', 'muted', schema.title || '')), box);
    details.id = 'schema-' + name;
    return details;
  }
  function render() {
    document.title = doc.info.title + ' API';
    var main = el('main', '', el('p', 'text', doc.info.description || ''));
    var byTag = {};
    Object.keys(doc.paths).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method];
        var tag = (op.tags || ['other'])[0];
        (byTag[tag] = byTag[tag] || []).push(operation(path, method, op));
      });
    });
    (doc.tags || []).forEach(function (tag) {
      if (!byTag[tag.name]) return;
      main.append(el('h2', '', tag.name, el('span', 'muted', ' — ' + (tag.description || ''))), ...byTag[tag.name]);
    });
    var schemes = doc.components.securitySchemes || {};
    main.append(el('h2', '', 'Authentication'), table(['scheme', 'kind', 'description'],
      Object.keys(schemes).map(function (k) {
        var s = schemes[k];
        return [el('code', '', k), s.type + (s.scheme ? ' ' + s.scheme : '') + (s.in ? ' in ' + s.in : ''), s.description || ''];
      })));
    var schemas = doc.components.schemas || {};
    main.append(el('h2', '', 'Schemas'), ...Object.keys(schemas).map(function (n) { return schemaBox(n, schemas[n]); }));
    root.replaceChildren(el('header', '', el('h1', '', doc.info.title + ' API'),
      el('span', '', 'OpenAPI ' + doc.openapi + ' · '), linkTo('openapi.json')), main);
    openHash();
  }
  function linkTo(href) { var a = el('a', '', href); a.href = href; return a; }
  function openHash() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === 'DETAILS') { target.open = true; target.scrollIntoView(); }
  }
  window.addEventListener('hashchange', openHash);
  fetch('openapi.json').then(function (res) {
    if (!res.ok) throw new Error('HTTP ' + res.status);
    return res.json();
  }).then(function (json) { doc = json; render(); }).catch(function (error) {
    root.replaceChildren(el('p', 'error', 'Could not load openapi.json: ' + error.message));
  });
})();
`

const sha256 = (source: string) =>
  `'sha256-${createHash('sha256').update(source).digest('base64')}'`

/** The page, and the policy that lets only its own script and style run. */
export const docsPage = {
  html: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API docs</title>
<style>${style}</style>
</head>
<body>
<div id="app"><main><p>Loading openapi.json…</p></main></div>
<script>${script}</script>
</body>
</html>
`,
  contentSecurityPolicy: [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
} as const
