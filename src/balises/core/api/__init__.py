"""What every app's API router shares: authentication, the error schema and the error mapping.

Apps build their routers from these pieces; ``balises.api`` only mounts the routers on the one
``NinjaAPI`` object and registers the error handlers once.
"""
