#ifndef MEMREPORT_CLIBXML2_SHIM_H
#define MEMREPORT_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, whose headers clash with the ICU inside Swift's
// Foundation ("... is not present in definition of 'enum UErrorCode'"). Read the version
// header first and switch the ICU part off before anything else is included.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#endif
