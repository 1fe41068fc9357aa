#!/bin/sh
# Install Crewbook for the current user from an unpacked Linux bundle.
#
#   sh install.sh [BUNDLE_DIR]
#
# BUNDLE_DIR is the folder holding the `crewbook` executable and its `_internal` folder; it
# defaults to the folder this script is in, so the script also works when copied into the
# bundle. Nothing needs root. What it installs:
#
#   ~/.local/lib/crewbook/                  the bundle (an older copy is replaced)
#   ~/.local/bin/crewbook                   a link to the executable
#   $XDG_DATA_HOME/applications/app.crewbook.Crewbook.desktop
#   $XDG_DATA_HOME/metainfo/app.crewbook.Crewbook.metainfo.xml
#   $XDG_DATA_HOME/icons/hicolor/*/apps/app.crewbook.Crewbook.{png,svg}
#
# ($XDG_DATA_HOME defaults to ~/.local/share.) Your Crewbook data folder is never touched;
# uninstall.sh removes exactly the files above.
set -eu

APP_ID=app.crewbook.Crewbook

die() {
    printf 'install.sh: %s\n' "$*" >&2
    exit 1
}

[ -n "${HOME:-}" ] || die "HOME is not set."

script_dir=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
bundle_arg=${1:-$script_dir}
[ -d "$bundle_arg" ] || die "$bundle_arg is not a folder."
bundle=$(CDPATH='' cd -- "$bundle_arg" && pwd)

if [ ! -f "$bundle/crewbook" ] || [ ! -x "$bundle/crewbook" ]; then
    die "$bundle is not a Crewbook bundle: it has no executable named 'crewbook'.
Pass the folder that holds 'crewbook' and '_internal', e.g.: sh install.sh /path/to/crewbook"
fi
if [ ! -d "$bundle/_internal/desktop/resources/linux" ]; then
    die "$bundle is not a complete Crewbook bundle: _internal/desktop/resources/linux is missing."
fi

# The XDG base directory spec ignores a relative XDG_DATA_HOME.
data_home=${XDG_DATA_HOME:-}
case $data_home in
    /*) ;;
    *) data_home=$HOME/.local/share ;;
esac

lib_parent=$HOME/.local/lib
lib_dir=$lib_parent/crewbook
bin_dir=$HOME/.local/bin
bin_link=$bin_dir/crewbook
exe=$lib_dir/crewbook
apps_dir=$data_home/applications
metainfo_dir=$data_home/metainfo
hicolor=$data_home/icons/hicolor

case $exe in
    *'
'*) die "The install path contains a line break: $exe" ;;
esac

# 1. The bundle: copy next to the old install, then swap, so a failed copy leaves the old
#    one working.
new_dir=''
old_dir=''
cleanup() {
    if [ -n "$new_dir" ]; then rm -rf -- "$new_dir"; fi
    if [ -n "$old_dir" ]; then rm -rf -- "$old_dir"; fi
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

mkdir -p -- "$lib_parent"
new_dir=$(mktemp -d "$lib_parent/.crewbook.new.XXXXXX")
cp -R -P -p -- "$bundle/." "$new_dir/" || die "Could not copy $bundle to $lib_parent; nothing was changed."
chmod 755 "$new_dir"
if [ -e "$lib_dir" ] || [ -L "$lib_dir" ]; then
    old_dir=$(mktemp -d "$lib_parent/.crewbook.old.XXXXXX")
    mv -- "$lib_dir" "$old_dir/crewbook"
fi
if ! mv -- "$new_dir" "$lib_dir"; then
    if [ -n "$old_dir" ]; then mv -- "$old_dir/crewbook" "$lib_dir"; fi
    die "Could not move the new copy into $lib_dir; the previous install was kept."
fi
new_dir=''
# From here on, read everything from the installed copy (the bundle may have been the old
# install itself).
res=$lib_dir/_internal/desktop/resources

# 2. The command.
mkdir -p -- "$bin_dir"
if [ -L "$bin_link" ]; then
    rm -f -- "$bin_link"
fi
if [ -e "$bin_link" ]; then
    bin_note="left $bin_link alone: it is not a link, so it was not made by this script"
else
    ln -s -- "$exe" "$bin_link"
    bin_note="$bin_link -> $exe"
fi

# 3. Icons: every rendered size, and the SVG.
installed_sizes=''
for png in "$res"/icons/png/crewbook-*.png; do
    [ -f "$png" ] || continue
    size=${png##*/crewbook-}
    size=${size%.png}
    case $size in
        '' | *[!0-9]*) continue ;;
    esac
    mkdir -p -- "$hicolor/${size}x$size/apps"
    cp -- "$png" "$hicolor/${size}x$size/apps/$APP_ID.png"
    chmod 644 "$hicolor/${size}x$size/apps/$APP_ID.png"
    installed_sizes="$installed_sizes${installed_sizes:+,}${size}x$size"
done
if [ -f "$res/icons/crewbook.svg" ]; then
    mkdir -p -- "$hicolor/scalable/apps"
    cp -- "$res/icons/crewbook.svg" "$hicolor/scalable/apps/$APP_ID.svg"
    chmod 644 "$hicolor/scalable/apps/$APP_ID.svg"
    installed_sizes="$installed_sizes${installed_sizes:+,}scalable"
fi

# 4. The desktop entry, started by its absolute path so it works when ~/.local/bin is not on
#    PATH. In an Exec key a path with special characters is double-quoted, with " ` $ \
#    escaped inside the quotes, then every \ doubled (string escaping) and % written as %%.
case $exe in
    *[!A-Za-z0-9/._+,@=:-]*)
        quoted=$(printf '%s\n' "$exe" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
        exec_path="\"$quoted\""
        ;;
    *)
        exec_path=$exe
        ;;
esac
try_exec_path=$(printf '%s\n' "$exe" | sed -e 's/\\/\\\\/g')

mkdir -p -- "$apps_dir"
desktop_src=$res/linux/$APP_ID.desktop
desktop_dst=$apps_dir/$APP_ID.desktop
[ -f "$desktop_src" ] || die "$desktop_src is missing from the bundle."
desktop_tmp=$desktop_dst.tmp.$$
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        Exec=crewbook*) printf 'Exec=%s%s\n' "$exec_path" "${line#Exec=crewbook}" ;;
        TryExec=*) printf 'TryExec=%s\n' "$try_exec_path" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$desktop_src" >"$desktop_tmp"
chmod 644 "$desktop_tmp"
mv -f -- "$desktop_tmp" "$desktop_dst"

# 5. The AppStream metadata, for software centres.
metainfo_src=$res/linux/$APP_ID.metainfo.xml
metainfo_dst=$metainfo_dir/$APP_ID.metainfo.xml
if [ -f "$metainfo_src" ]; then
    mkdir -p -- "$metainfo_dir"
    cp -- "$metainfo_src" "$metainfo_dst"
    chmod 644 "$metainfo_dst"
else
    metainfo_dst="(none in the bundle)"
fi

# 6. Let the desktop notice. Failing here does not undo the install.
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps_dir" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$hicolor" || true
fi

printf 'Crewbook installed:\n'
printf '  program:        %s\n' "$lib_dir"
printf '  command:        %s\n' "$bin_note"
printf '  menu entry:     %s\n' "$desktop_dst"
printf '  metadata:       %s\n' "$metainfo_dst"
printf '  icons:          %s/{%s}/apps/%s\n' "$hicolor" "$installed_sizes" "$APP_ID"
case ":${PATH:-}:" in
    *":$bin_dir:"*) ;;
    *)
        printf '\nNote: %s is not on your PATH, so typing "crewbook" in a terminal will not\n' "$bin_dir"
        printf 'find it until you add it (the menu entry works either way). Run it as:\n  %s\n' "$exe"
        ;;
esac
