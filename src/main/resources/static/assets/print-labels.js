// The label sheet's Print button (a script file, since the pages allow no inline handlers).
document.addEventListener('DOMContentLoaded', function () {
	var button = document.getElementById('print-labels');
	if (button) {
		button.addEventListener('click', function () { window.print(); });
	}
});
