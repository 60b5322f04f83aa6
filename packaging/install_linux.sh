#!/bin/sh
# Install the one-folder Linux build for the current user and add it to the desktop's menu.
#   packaging/install_linux.sh [dist/SalesforceSyncErrors]
# Copies the folder to ~/.local/opt, links the binary into ~/.local/bin, installs the icon
# into the hicolor theme and the .desktop entry (with the binary's absolute path) into
# ~/.local/share/applications. Re-running it upgrades in place. Uninstall: remove those.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../dist/SalesforceSyncErrors"}
[ -x "$build/SalesforceSyncErrors" ] || { echo "no build at $build (run: python -m PyInstaller --noconfirm build.spec)" >&2; exit 1; }
data=${XDG_DATA_HOME:-"$HOME/.local/share"}
target="$HOME/.local/opt/SalesforceSyncErrors"
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$data/applications"
rm -rf "$target.new" && cp -a "$build" "$target.new" && rm -rf "$target" && mv "$target.new" "$target"
ln -sf "$target/SalesforceSyncErrors" "$HOME/.local/bin/SalesforceSyncErrors"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$target/_internal/resources/icons/app-$size.png" "$data/icons/hicolor/${size}x${size}/apps/salesforce-sync-errors.png"
done
sed -e "s|^Exec=.*|Exec=\"$target/SalesforceSyncErrors\"|" -e "s|^TryExec=.*|TryExec=$target/SalesforceSyncErrors|" \
    "$here/salesforce-sync-errors.desktop" > "$data/applications/salesforce-sync-errors.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "installed: $target (menu entry: Salesforce Sync Errors)"
