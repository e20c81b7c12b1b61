#!/bin/sh
# Turns a fresh, minimal Debian 12 / Ubuntu 24.04 install (no desktop) into a Reading Room kiosk:
# an unprivileged auto-started `kiosk` user running the app full screen under cage on tty1, no
# other consoles, a read-only app directory, read-only noexec automount for USB sticks.
#   sudo sh provision-kiosk.sh /path/to/reading-room-kiosk_<version>_amd64.deb
# Read it before running it: it is a starting point for a venue's image, not a hardened distribution.
set -eu

deb=${1:?usage: provision-kiosk.sh <reading-room .deb built by npm run dist>}
here=$(cd "$(dirname "$0")" && pwd)
[ "$(id -u)" -eq 0 ] || { echo "Run this as root (sudo)." >&2; exit 1; }
[ -f "$deb" ] || { echo "No such package: $deb" >&2; exit 1; }

echo "== Packages: the compositor, the app, automatic security updates"
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  cage seatd unattended-upgrades nftables fonts-noto-core fonts-noto-cjk
DEBIAN_FRONTEND=noninteractive apt-get install -y "$deb"

echo "== The kiosk user: no password, no sudo, no shell login, only the seat and video groups"
if ! id kiosk >/dev/null 2>&1; then
  useradd --system --create-home --home-dir /var/lib/reading-room --shell /usr/sbin/nologin kiosk
fi
usermod --groups video,render,input,_seatd kiosk 2>/dev/null || usermod --groups video,render,input kiosk
passwd --lock kiosk
install -d -o kiosk -g kiosk -m 0700 /var/lib/reading-room /var/lib/reading-room/config

echo "== The application directory belongs to root and is read-only to everyone else"
chown -R root:root "/opt/Reading Room"
chmod -R go-w "/opt/Reading Room"
# Chromium's setuid sandbox helper (needed where unprivileged user namespaces are restricted).
if [ -f "/opt/Reading Room/chrome-sandbox" ]; then
  chmod 4755 "/opt/Reading Room/chrome-sandbox"
fi

echo "== The kiosk session on tty1, restarted whenever it exits"
install -m 0644 "$here/reading-room-kiosk.service" /etc/systemd/system/reading-room-kiosk.service
systemctl disable getty@tty1.service || true
systemctl enable seatd.service reading-room-kiosk.service
systemctl set-default graphical.target

echo "== Other users' processes are invisible in /proc (their command lines, e.g. a browser's launch link)"
if ! grep -qE '^proc[[:space:]]+/proc[[:space:]].*hidepid=' /etc/fstab; then
  echo 'proc /proc proc defaults,hidepid=2 0 0' >> /etc/fstab
fi
mount -o remount,hidepid=2 /proc

echo "== Chromium (browser host and thin clients): no DevTools, printing, file dialogs, downloads or other sites"
install -d -m 0755 /etc/chromium/policies/managed
install -m 0644 "$here/chromium-kiosk-policy.json" /etc/chromium/policies/managed/reading-room-kiosk.json

echo "== No other consoles, no Ctrl+Alt+Del, no SysRq, no power key"
install -d /etc/systemd/logind.conf.d
cat > /etc/systemd/logind.conf.d/reading-room-kiosk.conf <<'CONF'
[Login]
NAutoVTs=0
ReserveVT=0
HandlePowerKey=ignore
HandleSuspendKey=ignore
HandleHibernateKey=ignore
HandleLidSwitch=ignore
CONF
systemctl mask ctrl-alt-del.target
echo 'kernel.sysrq = 0' > /etc/sysctl.d/90-reading-room-kiosk.conf
sysctl --system >/dev/null

echo "== USB sticks: mounted read-only, nosuid, nodev, noexec under /media, never executed"
cat > /etc/udev/rules.d/90-reading-room-usb.rules <<'RULE'
ACTION=="add", SUBSYSTEMS=="usb", SUBSYSTEM=="block", ENV{ID_FS_USAGE}=="filesystem", \
  RUN{program}+="/usr/bin/systemd-mount --no-block --collect --options=ro,nosuid,nodev,noexec $devnode /media/usb-%k"
ACTION=="remove", SUBSYSTEMS=="usb", SUBSYSTEM=="block", RUN{program}+="/usr/bin/systemd-umount /media/usb-%k"
RULE
udevadm control --reload

echo "== Network: nothing may connect in"
cat > /etc/nftables.conf <<'NFT'
#!/usr/sbin/nft -f
flush ruleset
table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    iif lo accept
    ct state established,related accept
    icmp type echo-request accept
    icmpv6 type { nd-neighbor-solicit, nd-router-advert, nd-neighbor-advert, echo-request } accept
  }
  chain forward { type filter hook forward priority 0; policy drop; }
  chain output { type filter hook output priority 0; policy accept; }
}
NFT
systemctl enable --now nftables.service

echo "== Automatic security updates"
dpkg-reconfigure -f noninteractive unattended-upgrades

cat <<'DONE'
Done. Reboot to start the kiosk. Still to do by hand, because no script can:
  - set a firmware password, lock the boot order to the internal disk, disable USB boot;
  - encrypt the disk (LUKS, e.g. with systemd-cryptenroll --tpm2-device=auto);
  - consider USBGuard to refuse new keyboards while the kiosk runs;
  - lock the case so ports behind it stay behind it.
DONE
