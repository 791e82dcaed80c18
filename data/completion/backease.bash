# bash completion for backease
_backease() {
	local cur prev words cword
	_init_completion 2>/dev/null || {
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	}
	local opts="--help --version --catalog --plain --no-color --no-bell
		--speak --ready --breath --speed --exercises --every --preset
		--idle --snooze --format --no-figures --figures --no-checkin
		--days --json --csv --equipment --position --focus --seed --plan
		--save --force"
	local cmds="run list show plan check quick stats remind status"

	case $prev in
	--catalog)
		COMPREPLY=($(compgen -f -X '!*.yaml' -- "$cur"))
		compopt -o plusdirs 2>/dev/null
		return ;;
	--preset)
		COMPREPLY=($(compgen -W "$(backease list 2>/dev/null | awk 'NR > 1 { print $1 }')" -- "$cur"))
		return ;;
	--ready | --breath | --speed | --every | --idle | --snooze | --format) return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return
	fi
	local cmd="" i
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		--catalog | --ready | --breath | --speed | --every | --preset | \
			--idle | --snooze | --format) ((i++)) ;;
		-*) ;;
		*) cmd=${words[i]}; break ;;
		esac
	done
	case $cmd in
	"") COMPREPLY=($(compgen -W "$cmds" -- "$cur")) ;;
	run | plan)
		COMPREPLY=($(compgen -W "$(backease list 2>/dev/null | awk 'NR > 1 { print $1 }')" -- "$cur")) ;;
	show)
		COMPREPLY=($(compgen -W "$(backease list 2>/dev/null | awk 'NR > 1 { print $1 }'; backease list --exercises 2>/dev/null | awk 'NR > 1 { print $1 }')" -- "$cur")) ;;
	check) COMPREPLY=($(compgen -f -X '!*.yaml' -- "$cur")) ;;
	esac
}
complete -F _backease backease
