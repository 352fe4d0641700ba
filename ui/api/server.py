"""`lexsearch serve`: the API in N pre-forked worker processes over one loaded index (gunicorn).

Why gunicorn with uvicorn workers: gunicorn's arbiter is the standard pre-fork process manager (it forks
workers from a master that has already loaded the application, restarts a worker that dies, stops them
all gracefully on SIGTERM), and uvicorn's worker runs the ASGI (FastAPI) app in each. The master opens the
SearchService once — store, index tables, citation graph, lemma table — then freezes those objects out of
the garbage collector (`gc.freeze`) and forks: the workers share those pages instead of each loading its
own copy. Each worker then opens its own SQLite connection (`SearchService.after_fork`); the Whoosh
segments are memory-mapped files, shared by the page cache. A rebuilt index (`lexsearch index`) is picked
up by each worker on its next request (the service follows the index's `current` pointer), without a
restart and without dropping requests: requests already running finish on the old index.
"""

from __future__ import annotations

import gc
import sys
import threading

from gunicorn.app.base import BaseApplication

from search.service import SearchService
from ui.api.app import create_app
from ui.startup import load_language_data

WORKER_CLASS = "uvicorn_worker.UvicornWorker"


class ApiServer(BaseApplication):
    """gunicorn's documented custom-application pattern, with the app built once in the master."""

    def __init__(self, service: SearchService, options: dict) -> None:
        self.service = service
        self.options = options
        self.application = create_app(service)
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self):
        return self.application


def options(host: str, port: int, workers: int, service: SearchService, warm_model: bool) -> dict:
    def when_ready(server) -> None:
        bound = ", ".join(f"{listener}/" for listener in server.LISTENERS)  # str() is "http://host:port"
        print(
            f"lexsearch: l'API répond sur {bound} ({workers} processus ; SIGTERM pour arrêter)",
            file=sys.stderr,
            flush=True,
        )

    def post_fork(server, worker) -> None:
        service.after_fork()
        if warm_model:
            threading.Thread(target=load_language_data, name="language-data", daemon=True).start()

    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": WORKER_CLASS,
        "preload_app": True,
        "graceful_timeout": 10,
        "timeout": 60,
        "keepalive": 5,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "when_ready": when_ready,
        "post_fork": post_fork,
        "proc_name": "lexsearch-serve",
        "limit_request_line": 8190,
    }


def serve(host: str, port: int, workers: int, *, warm_model: bool = True) -> int:
    service = SearchService.open()
    service.warm_headings()  # before the fork: the workers share them, and no first search waits for them
    server = ApiServer(service, options(host, port, workers, service, warm_model))
    gc.collect()
    gc.freeze()  # the loaded tables stay out of the collector, so forked workers keep sharing their pages
    server.run()
    return 0
