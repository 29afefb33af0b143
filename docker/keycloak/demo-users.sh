#!/usr/bin/env bash
# The demo staff accounts of DESIGN.md (password = user name) in Keycloak's realm "startpakket",
# for `COMPOSE_PROFILES=demo` only; production creates its people in Keycloak's admin console.
# Idempotent: an account that exists is left as it is. The coordinator may manage the realm's
# users (realm-management: manage-users, view-users, query-users) in the admin console.
set -euo pipefail
KCADM="${KCADM:-/opt/keycloak/bin/kcadm.sh}"
REALM=startpakket
SERVER="${KEYCLOAK_URL:-http://keycloak:8080}"

for attempt in $(seq 1 60); do
  if "$KCADM" config credentials --server "$SERVER" --realm master \
      --user "$KC_BOOTSTRAP_ADMIN_USERNAME" --password "$KC_BOOTSTRAP_ADMIN_PASSWORD" >/dev/null 2>&1; then
    break
  fi
  [ "$attempt" = 60 ] && { echo "Keycloak at $SERVER did not answer"; exit 1; }
  sleep 2
done

account() {
  local username=$1 name=$2 role=$3 municipality=${4:-}
  if "$KCADM" get users -r "$REALM" -q exact=true -q username="$username" --fields username | grep -q "\"$username\""; then
    echo "$username exists"
    return
  fi
  local args=(-s "username=$username" -s enabled=true -s "firstName=$name" -s "lastName=Demo")
  if [ -n "$municipality" ]; then
    args+=(-s "attributes.municipality=[\"$municipality\"]")
  fi
  "$KCADM" create users -r "$REALM" "${args[@]}" >/dev/null
  "$KCADM" set-password -r "$REALM" --username "$username" --new-password "$username"
  "$KCADM" add-roles -r "$REALM" --uusername "$username" --rolename "$role"
  echo "$username created ($role${municipality:+ of $municipality})"
}

account coordinator "Coördinator" COORDINATOR
account volunteer "Vrijwilliger" VOLUNTEER
account volunteer2 "Tweede vrijwilliger" VOLUNTEER
account finance "Financiën" FINANCE
account evaluator-huizen "Evaluator Huizen" EVALUATOR GM0406
account evaluator-heerlen "Evaluator Heerlen" EVALUATOR GM0917
account sociaal-team-huizen "Sociaal team Huizen" SOCIAL_TEAM GM0406
"$KCADM" add-roles -r "$REALM" --uusername coordinator --cclientid realm-management \
  --rolename manage-users --rolename view-users --rolename query-users
