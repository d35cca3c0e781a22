# Install rules and Debian packages: `cmake --install` lays out both programs the way Debian administrators
# expect, and `cpack -G DEB` (run in the build folder) makes one package for the client and one for the server.
include(GNUInstallDirs)

set(MAILADMIN_APP_ID org.mailadmin.MailAdmin)
set(MAILADMIN_SYSTEMD_UNIT_DIR /lib/systemd/system CACHE PATH "Where the systemd unit of mailadmind is installed")

install(TARGETS mailadmind RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
install(FILES docs/man/mailadmind.8 DESTINATION ${CMAKE_INSTALL_MANDIR}/man8 COMPONENT server)
configure_file(dist/mailadmind.service ${CMAKE_BINARY_DIR}/dist/mailadmind.service @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/dist/mailadmind.service DESTINATION ${MAILADMIN_SYSTEMD_UNIT_DIR} COMPONENT server)
install(FILES dist/mailadmind.conf DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/mailadmin COMPONENT server)
install(FILES docs/api.md docs/mail-servers.md docs/deploy.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT server
  OPTIONAL)

if(MAILADMIN_BUILD_CLIENT)
  install(TARGETS mailadmin RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT client)
  install(FILES docs/man/mailadmin.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT client)
  install(FILES dist/${MAILADMIN_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT client)
  configure_file(dist/${MAILADMIN_APP_ID}.metainfo.xml ${CMAKE_BINARY_DIR}/dist/${MAILADMIN_APP_ID}.metainfo.xml
    @ONLY)
  install(FILES ${CMAKE_BINARY_DIR}/dist/${MAILADMIN_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo
    COMPONENT client)
  install(FILES resources/icons/mailadmin.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME ${MAILADMIN_APP_ID}.svg COMPONENT client)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mailadmin)
set(CPACK_PACKAGE_VENDOR "MailAdmin")
set(CPACK_PACKAGE_CONTACT "MailAdmin maintainers <maintainers@mailadmin.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Mail Administration Center for hosted e-mail")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_DEBIAN_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME mailadmind)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_SERVER_DESCRIPTION "MailAdmin admin REST server
mailadmind keeps the directory of a hosted-mail platform (companies, domains, mailboxes, contacts) in an
SQL database, serves the REST API the MailAdmin client uses and reads Dovecot and Postfix logs into
statistics.")
# The SQLite driver is a Qt plugin, which dpkg-shlibdeps cannot see.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, adduser")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "dovecot-imapd, postfix")
configure_file(dist/debian/postinst ${CMAKE_BINARY_DIR}/dist/debian/postinst @ONLY)
configure_file(dist/debian/conffiles ${CMAKE_BINARY_DIR}/dist/debian/conffiles @ONLY)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
  ${CMAKE_BINARY_DIR}/dist/debian/postinst ${CMAKE_BINARY_DIR}/dist/debian/conffiles)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME mailadmin)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_CLIENT_DESCRIPTION "MailAdmin desktop client
A native Qt client for the administrators of a hosted-mail platform: companies, domains, mailboxes,
branding and contacts, one user's activity on one screen, and usage charts minutes old. Its demo mode
starts the mailadmind server it depends on.")
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "mailadmind (= ${PROJECT_VERSION}), qt6-qpa-plugins")
set(CPACK_COMPONENTS_ALL server)
if(MAILADMIN_BUILD_CLIENT)
  list(APPEND CPACK_COMPONENTS_ALL client)
endif()
include(CPack)
