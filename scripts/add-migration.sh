#!/usr/bin/env bash
# Adds a migration with the same name to BOTH providers' migrations projects (EF Core's
# "migrations with multiple providers" pattern). Usage: scripts/add-migration.sh AddMeetingVenue
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore > /dev/null
for provider in Sqlite SqlServer; do
  project="src/AreaPartnerships.Migrations.$provider"
  dotnet dotnet-ef migrations add "$name" --project "$project" --startup-project "$project" \
    --context AppDbContext --output-dir Migrations
done
