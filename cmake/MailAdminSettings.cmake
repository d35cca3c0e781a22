# One INTERFACE target carries the language level, warnings and strict Qt defines; every target links it.
add_library(mailadmin_settings INTERFACE)
target_compile_features(mailadmin_settings INTERFACE cxx_std_20)
target_compile_options(mailadmin_settings INTERFACE -Wall -Wextra -Wpedantic)
if(MAILADMIN_WERROR)
  target_compile_options(mailadmin_settings INTERFACE -Werror)
endif()
target_compile_definitions(mailadmin_settings INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_NO_FOREACH
  MAILADMIN_VERSION="${PROJECT_VERSION}")
set(CMAKE_CXX_EXTENSIONS OFF)
