"""The web pages: a chat anyone can use without an account, and the editor for organisations."""

from api.web.router import build_web_router

__all__ = ["build_web_router"]
