#pragma once

namespace mailadmin::server {

// Tells systemd (Type=notify) how the server is doing; does nothing when not started by systemd.
void notifySystemd(const char *state);

} // namespace mailadmin::server
