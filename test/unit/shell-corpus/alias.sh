shopt -s expand_aliases
alias greet='echo hello'
alias
greet world
alias greet
unalias greet
alias greet 2>&1
unalias nosuch
echo $?
alias ll='echo listing' la="echo all"
ll; la
