/*
 * lrs_describe.c: what stopped a sync, in words (lrs_sync.h). Apart from
 * lrs_sync.c so that the screens can word a status without linking libcurl.
 */
#include "io/lrs_sync.h"

#include "core/i18n.h"

#include <stdio.h>

void hrc_lrs_describe(const hrc_lrs_error *e, char *out, size_t size)
{
    const char *d = e->detail;
    switch (e->result) {
    case HRC_LRS_OK:
        snprintf(out, size, "%s", "");
        break;
    case HRC_LRS_ERR_AUTH:
        snprintf(out, size,
                 _("the LRS refused the key and secret (HTTP %ld): check them in the "
                   "configuration; nothing was marked as sent"),
                 e->http_status);
        break;
    case HRC_LRS_ERR_NETWORK:
        if (e->http_status)
            snprintf(out, size, _("the LRS kept failing (HTTP %ld%s%.200s)"), e->http_status,
                     *d ? ": " : "", d);
        else
            snprintf(out, size, _("the LRS could not be reached (%s)"), d);
        break;
    case HRC_LRS_ERR_TLS:
        snprintf(out, size,
                 _("the LRS's certificate could not be verified (%s): for a private "
                   "authority, give its certificate with --lrs-ca or ca ="),
                 d);
        break;
    case HRC_LRS_ERR_PROTOCOL:
        if (e->http_status >= 300 && e->http_status <= 399)
            snprintf(out, size, _("the LRS redirects (HTTP %ld) to %.300s: set the endpoint "
                                  "to the address it should be"),
                     e->http_status, d);
        else
            snprintf(out, size, _("the LRS answered HTTP %ld (%.300s): is the endpoint the "
                                  "LRS's xAPI address?"),
                     e->http_status, d);
        break;
    case HRC_LRS_ERR_NOT_LRS:
        snprintf(out, size,
                 _("the answer (HTTP %ld: %.100s) does not list the statements sent, as an LRS "
                   "does: is the endpoint right, or is a login page of the network in the "
                   "way? Nothing was marked as sent"),
                 e->http_status, d);
        break;
    case HRC_LRS_ERR_STORE:
        snprintf(out, size, _("the progress store failed: %s"), d);
        break;
    case HRC_LRS_ERR_CANCELLED:
        snprintf(out, size, "%s", _("stopped before the end"));
        break;
    default:
        snprintf(out, size, _("the sync could not start: %s"), d);
        break;
    }
}
