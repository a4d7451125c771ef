# syntax=docker/dockerfile:1
# Build stage: the locked dependencies, by hash, into a virtual environment.
FROM python:3.11-slim AS build
RUN python -m venv /opt/venv
COPY requirements.lock /tmp/requirements.lock
RUN /opt/venv/bin/pip install --no-cache-dir --require-hashes --no-deps -r /tmp/requirements.lock

# Run stage: the environment, the code and the shipped articles; no build tools, no root.
FROM python:3.11-slim
RUN useradd --system --create-home --uid 10001 newsfacts
COPY --from=build /opt/venv /opt/venv
WORKDIR /srv/newsfacts
COPY app ./app
COPY data ./data
# The shipped articles' facts, extracted at build time: the server starts without that work.
RUN /opt/venv/bin/python -m app prepare
# The archive's default SQLite file lives here; mount a volume to keep it.
RUN mkdir -p /var/lib/newsfacts && chown newsfacts:newsfacts /var/lib/newsfacts
VOLUME /var/lib/newsfacts
ENV PATH=/opt/venv/bin:$PATH \
    NEWSFACTS_STATE_DIR=/var/lib/newsfacts \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    NEWSFACTS_HOST=0.0.0.0 \
    NEWSFACTS_PORT=8000 \
    NEWSFACTS_WORKERS=1
USER newsfacts
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ['NEWSFACTS_PORT']}/readyz\", timeout=2)"]
CMD ["python", "-m", "app", "serve"]
