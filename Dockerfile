# The Botevgrad site in production: gunicorn serving botevgrad.wsgi, static files by WhiteNoise.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=botevgrad.settings.production \
    STATIC_ROOT=/app/var/static \
    MEDIA_ROOT=/app/var/media

# libpq for psycopg is in the binary wheel; the fonts give PDF reports their Cyrillic letters.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 botevgrad

WORKDIR /app
COPY . /app
RUN pip install --no-cache-dir -e . \
    && pybabel -q compile --use-fuzzy -d site/locale -D django \
    && SECRET_KEY=build-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
       CACHE_URL=locmemcache:// WAGTAILADMIN_BASE_URL=http://localhost \
       python manage.py collectstatic --no-input -v 0 \
    && mkdir -p /app/var/media \
    && chown -R botevgrad:botevgrad /app/var

USER botevgrad
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && exec gunicorn botevgrad.wsgi --bind 0.0.0.0:8000 --workers ${GUNICORN_WORKERS:-3} --access-logfile -"]
