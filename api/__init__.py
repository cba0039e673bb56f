"""The content API: organisations propose changes, a second person approves, the bot serves them."""
