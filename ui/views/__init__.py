"""One module per page of the app; each exposes `show(service, screen)` and gets the service handed in."""
