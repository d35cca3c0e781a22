#include "SystemdNotify.h"

#include <systemd/sd-daemon.h>

namespace mailadmin::server {

void notifySystemd(const char *state)
{
    // Without NOTIFY_SOCKET in the environment sd_notify returns 0 and sends nothing.
    (void)sd_notify(0, state);
}

} // namespace mailadmin::server
