#!/usr/bin/env bash
# Mutation testing of the hand-written client with Stryker.NET (pinned in .config/dotnet-tools.json), configured by
# eng/stryker-config.json; the report lands in artifacts/mutation/. See docs/testing.md for the figures.
#   eng/mutation-test.sh                                  every folder the configuration lists
#   eng/mutation-test.sh --since main                     only the files changed since main (a change's own run)
#   eng/mutation-test.sh -m "**/Authentication/**/*.cs"   one folder
# Run it on a quiet machine: it builds once, then runs the tests that cover each mutant, one mutant at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore > /dev/null
cd tests/QuantDesk.Client.Tests
exec dotnet dotnet-stryker --config-file ../../eng/stryker-config.json --output ../../artifacts/mutation "$@"
