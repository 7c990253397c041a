/* Placeholder until this command is implemented. */
#include "app/cli.h"
#include <stdio.h>
int hrc_cmd_validate(const hrc_cli *cli)
{
    fprintf(stderr, "%s: not available in this build\n", cli->argv0);
    return HRC_EXIT_FAILURE;
}
