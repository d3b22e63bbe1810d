# syntax=docker/dockerfile:1
#
# Herald's one image: `herald serve` (the API and the web console) by default; compose runs `worker post`,
# `worker analytics` and `scheduler` from the same image. requirements.txt is the complete, hash-checked
# lock: installed with --no-deps it is never resolved again, so the image gets exactly what was tested
# (`make install-check` installs it the same way). The embedded database of `make run` is an extra this
# image does not carry.

ARG PYTHON_IMAGE=python:3.11-slim
ARG NODE_IMAGE=node:20-slim

# --- web: the console (web/), built by Vite into /web/dist; only dist goes into the image ---------------
FROM ${NODE_IMAGE} AS web

WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

# --- builder: a virtualenv with the pinned dependencies and Herald itself ----------------------------
FROM ${PYTHON_IMAGE} AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

RUN python -m venv /opt/venv

WORKDIR /src

# Dependencies first, on their own layer: it is rebuilt only when requirements.txt changes.
COPY requirements.txt ./
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install --no-deps --only-binary :all: --require-hashes -r requirements.txt \
    && pip check

# Then Herald (the packages listed in pyproject.toml; .dockerignore keeps tests, caches and secrets out).
COPY . .
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install --no-deps --no-build-isolation . \
    && herald --help > /dev/null

# --- runtime -----------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

RUN groupadd --system --gid 10001 herald \
    && useradd --system --uid 10001 --gid herald --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin herald \
    && mkdir -p /app/var \
    && chown herald:herald /app/var

COPY --from=builder /opt/venv /opt/venv
# WEB_DIST_DIR defaults to web/dist: /app/web/dist, served at /.
COPY --from=web /web/dist /app/web/dist

# DATA_DIR defaults to ./var: /app/var, owned by herald (compose mounts a volume there for local media).
WORKDIR /app
USER 10001:10001

EXPOSE 8000

ENTRYPOINT ["herald"]
CMD ["serve"]
