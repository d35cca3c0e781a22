#pragma once

#include <QList>
#include <QStringList>

namespace mailadmin::store {

// Numbered schema migrations; migration N is element N-1. Never edit a released one: append a new one.
const QList<QStringList> &migrations();

} // namespace mailadmin::store
