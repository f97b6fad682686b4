/** A script-free login form (the CSP forbids inline scripts; a form post needs none). */
export const LOGIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chronicle — log in</title>
<style>body{font:16px system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.4rem;font:inherit}
button{margin-top:1rem;padding:.5rem 1rem;font:inherit}</style></head>
<body><h1>Chronicle</h1>
<form method="post" action="/api/auth/login">
<label for="name">Name</label><input id="name" name="name" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<label for="totp">Two-factor code (if turned on)</label><input id="totp" name="totp" inputmode="numeric" autocomplete="one-time-code">
<button type="submit">Log in</button>
</form></body></html>
`;
