#!/bin/sh
# The compose stack's login role for app and worker (docker-compose.yml), made by the postgres
# image on the first start of an empty volume (/docker-entrypoint-initdb.d), as the superuser:
# planning_hub_api, with PLANNING_HUB_DB_PASSWORD, a member of planning_hub_app. The migration
# 20261125081000_app_role_and_four_eyes, run by `migrate` as the owner, gives planning_hub_app
# its rights (read and append the events, never rewrite them); it finds the role made here.
set -e
if [ -z "$PLANNING_HUB_DB_PASSWORD" ]; then
  echo 'PLANNING_HUB_DB_PASSWORD is not set (see the top of docker-compose.yml)' >&2
  exit 1
fi
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$PLANNING_HUB_DB_PASSWORD" <<'SQL'
CREATE ROLE planning_hub_app NOLOGIN;
CREATE ROLE planning_hub_api LOGIN PASSWORD :'app_password' IN ROLE planning_hub_app;
SQL
