/** What the gateway answers on / before the browser client has been built. */
export const WEB_NOT_BUILT_PAGE = `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>eduplan: веб-интерфейс не собран</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Веб-интерфейс не собран</h1>
<p>Шлюз работает, но файлов веб-интерфейса (<code>services/web/dist</code>) нет.</p>
<p>Соберите их командой <code>npm run build:web</code> в корне проекта (её же выполняют <code>npm run setup</code> и <code>npm start</code>) и обновите страницу — перезапускать шлюз не нужно.</p>
<p>REST API работает: <a href="/api/docs">/api/docs</a>, состояние системы: <a href="/health">/health</a>.</p>
</body>
</html>
`;
