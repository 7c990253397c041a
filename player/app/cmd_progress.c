/* Placeholder until this command is implemented. */
#include "app/cli.h"
#include <stdio.h>
int hrc_cmd_export(const hrc_cli *cli)
{
    fprintf(stderr, "%s: not available in this build\n", cli->argv0);
    return HRC_EXIT_FAILURE;
}
int hrc_cmd_import(const hrc_cli *cli)
{
    fprintf(stderr, "%s: not available in this build\n", cli->argv0);
    return HRC_EXIT_FAILURE;
}
int hrc_cmd_set_facilitator_pin(const hrc_cli *cli)
{
    fprintf(stderr, "%s: not available in this build\n", cli->argv0);
    return HRC_EXIT_FAILURE;
}
