# rightsbot: one image runs the API, the web pages and (with TELEGRAM_BOT_TOKEN) the bot.
# Build stage: install the package and compile the interface catalogs into a venv.
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH
WORKDIR /src
# Exactly the locked files (with their hashes), pip and setuptools included, then this
# package without fetching anything more (deps/lock.py writes requirements.lock).
COPY requirements.lock ./
RUN python -m venv /opt/venv \
    && pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock
COPY pyproject.toml README.md babel.cfg ./
COPY bot ./bot
COPY api ./api
RUN pip install --no-cache-dir --no-deps --no-build-isolation . \
    && pybabel compile -d "$(python -c 'import bot, pathlib; print(pathlib.Path(bot.__file__).parent / "locale")')" -D messages

# Run stage: no compilers, no source tree; everything read-only except the data volume.
FROM python:3.11-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    RIGHTSBOT_HOST=0.0.0.0 \
    RIGHTSBOT_PORT=8000 \
    RIGHTSBOT_DATA_DIR=/data \
    RIGHTSBOT_CONTENT_DIR=/app/content
COPY --from=build /opt/venv /opt/venv
COPY content /app/content
RUN mkdir -p /data && chown 10001:10001 /data && chmod 700 /data
WORKDIR /app
USER 10001:10001
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; url = 'http://127.0.0.1:%s/api/v1/health' % os.environ.get('RIGHTSBOT_PORT', '8000'); sys.exit(0 if urllib.request.urlopen(url, timeout=4).status == 200 else 1)"]
ENTRYPOINT ["rightsbot"]
CMD ["serve"]
