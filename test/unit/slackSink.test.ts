import { slackMessageText, slackTextForTerminal } from '../simulators/slackSink';

/** The demo's Slack sink prints what "Slack" received so a person can read it in a terminal. */
describe('Slack messages in the terminal', () => {
	it('shows emoji codes as emoji', () => {
		expect(slackTextForTerminal(':red_circle: RED :large_green_circle: GREEN')).toBe(
			'🔴 RED 🟢 GREEN',
		);
	});

	it('keeps emoji codes it does not know', () => {
		expect(slackTextForTerminal(':tada: done')).toBe(':tada: done');
	});

	it('shows *bold* in bold on a colour terminal and plain otherwise', () => {
		expect(slackTextForTerminal('quality *GREEN → RED* for +1', true)).toBe(
			'quality \u001b[1mGREEN → RED\u001b[22m for +1',
		);
		expect(slackTextForTerminal('quality *GREEN → RED* for +1')).toBe('quality GREEN → RED for +1');
	});

	it('shows Slack links as label and URL', () => {
		expect(slackTextForTerminal('see <https://example.com/x|the sender>')).toBe(
			'see the sender (https://example.com/x)',
		);
	});

	it('reads the text of block messages when there is no text field', () => {
		expect(
			slackMessageText({
				blocks: [
					{ type: 'section', text: { type: 'mrkdwn', text: 'a' } },
					{ type: 'divider' },
					{ text: { text: 'b' } },
				],
			}),
		).toBe('a\nb');
	});
});
