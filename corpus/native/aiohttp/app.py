# A minimal aiohttp server for the corpus: python3 app.py PORT (listens on 127.0.0.1).
import sys
from aiohttp import web

async def hello(request):
    return web.Response(text="hello from aiohttp\n")

app = web.Application()
app.router.add_get("/", hello)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]))
