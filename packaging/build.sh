#!/usr/bin/env bash
# Build the one-folder bundle: dist/crewbook (Linux, Windows) or dist/Crewbook.app (macOS).
# The bundle is made from the wheel's own layout, so it carries exactly what `pip install` would.
#   PYTHON     the interpreter whose packages go into the bundle (default: python3); it needs
#              the app's dependencies and PyInstaller: pip install -e '.[bundle]'
#   DIST_DIR   where the bundle goes (default: dist/)
#   WORK_DIR   scratch space (default: build/bundle/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
dist="${DIST_DIR:-$root/dist}"
work="${WORK_DIR:-$root/build/bundle}"

started=$(date +%s)
# setuptools reuses build/lib, so a file deleted from the tree could linger in the wheel.
rm -rf "$work" "$root/build/lib"
mkdir -p "$work/wheel" "$work/source" "$dist"
"$python" -m pip wheel --no-deps --quiet -w "$work/wheel" "$root"
"$python" -m zipfile -e "$work"/wheel/crewbook-*.whl "$work/source"

CREWBOOK_SOURCE="$work/source" "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work/pyinstaller" "$root/packaging/crewbook.spec"

if [ "$(uname -s)" = Linux ]; then
    cp "$root/packaging/linux/install.sh" "$root/packaging/linux/uninstall.sh" "$dist/crewbook/"
fi
# Crewbook's licence and every third-party notice in one file, at the top of the bundle where a
# user looks first (they are also in _internal/desktop/resources/licenses/, shown by the app).
for top in "$dist/crewbook" "$dist/Crewbook.app/Contents/Resources"; do
    [ -d "$top" ] || continue
    cp "$root/LICENSE" "$top/LICENSE.txt"
    "$python" "$root/packaging/bundle_notices.py" combine \
        "$dist/crewbook/_internal/desktop/resources/licenses" "$top/THIRD-PARTY-NOTICES.txt" >/dev/null
done
echo "Built $dist/crewbook: $(du -sh "$dist/crewbook" | cut -f1) in $(( $(date +%s) - started )) s"
