# qidong-hub (RPM): its service user and a systemd reload; not started here.
systemd-sysusers qidong-hub.conf >/dev/null 2>&1 || :
systemctl daemon-reload >/dev/null 2>&1 || :
