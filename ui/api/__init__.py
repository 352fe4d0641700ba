"""The HTTP JSON API (`lexsearch serve`): the same SearchService as the CLI and the app, over HTTP.

`payloads` turns the service's values into JSON (shared with `lexsearch search --json`), `checks` turns
query parameters into values or a 4xx error that says what is wrong, `app` is the FastAPI application,
`server` runs it in pre-forked worker processes (gunicorn). Only `app` and `server` import the web stack.
"""
