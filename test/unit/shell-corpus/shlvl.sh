echo $SHLVL
bash -c 'echo nested $SHLVL'
bash -c 'bash -c "echo twice \$SHLVL"; true'
(bash -c 'echo subshell $SHLVL')
bash -c 'exec bash -c "echo exec \$SHLVL"'
