#!/usr/bin/env bash
# Installs the partnerpages release archive for this runner and puts the
# binary on the job's PATH. The archive's SHA-256 must match the release's
# checksums.txt, or nothing is installed.
#
# Environment: PARTNERPAGES_VERSION (1.2.3 or latest), and what the runner
# sets: RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_PATH.
# PARTNERPAGES_DOWNLOAD_URL replaces the release download address (a mirror,
# or file:// for a test); PARTNERPAGES_REPOSITORY the owner/name.
set -euo pipefail
repo=${PARTNERPAGES_REPOSITORY:-partnerpages/partnerpages}
base=${PARTNERPAGES_DOWNLOAD_URL:-https://github.com/$repo/releases/download}
version=${PARTNERPAGES_VERSION:-latest}
version=${version#v}

case "${RUNNER_OS:-$(uname -s)}" in
  Linux) os=linux ;; macOS|Darwin) os=darwin ;; Windows|MINGW*|MSYS*) os=windows ;;
  *) echo "::error title=partnerpages::no release for the runner's system ${RUNNER_OS:-}"; exit 1 ;;
esac
case "${RUNNER_ARCH:-$(uname -m)}" in
  X64|x86_64|amd64) arch=amd64 ;; ARM64|arm64|aarch64) arch=arm64 ;;
  *) echo "::error title=partnerpages::no release for the runner's processor ${RUNNER_ARCH:-}"; exit 1 ;;
esac

if [ "$version" = latest ]; then
  # the latest release's page redirects to its tag
  url=$(curl -fsSLI -o /dev/null -w '%{url_effective}' "https://github.com/$repo/releases/latest")
  version=${url##*/v}
fi
ext=tar.gz
[ "$os" = windows ] && ext=zip
archive="partnerpages_${version}_${os}_${arch}.$ext"
dest="${RUNNER_TEMP:-$(mktemp -d)}/partnerpages-$version"
mkdir -p "$dest"
echo "partnerpages $version for $os/$arch from $base/v$version/"
curl -fsSL -o "$dest/$archive" "$base/v$version/$archive"
curl -fsSL -o "$dest/checksums.txt" "$base/v$version/checksums.txt"

want=$(awk -v f="$archive" '$2 == f {print $1}' "$dest/checksums.txt")
if command -v sha256sum >/dev/null; then
  got=$(sha256sum "$dest/$archive" | cut -d' ' -f1)
else
  got=$(shasum -a 256 "$dest/$archive" | cut -d' ' -f1)
fi
if [ -z "$want" ] || [ "$got" != "$want" ]; then
  echo "::error title=partnerpages::$archive does not match checksums.txt (want ${want:-no entry}, got $got); not installed"
  rm -f "$dest/$archive"
  exit 1
fi
if [ "$ext" = zip ]; then
  unzip -q -o "$dest/$archive" -d "$dest"
else
  tar -xzf "$dest/$archive" -C "$dest"
fi
bin="$dest/partnerpages_${version}_${os}_${arch}"
"$bin/partnerpages" version
echo "$bin" >> "${GITHUB_PATH:-/dev/null}"
