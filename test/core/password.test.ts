import { expect } from 'chai';
import { checkPassword, isCommonPassword, passwordProblem } from '../../src/core/index.js';

describe('password rules shared by the invitee form and the backends', () => {
  it('refuses on the server exactly what the form refuses as the invitee types', () => {
    const candidates = [
      'password', 'password1', 'iloveyou1', 'starwars1', 'jordan23', 'michael1', 'superman1', 'baseball1', 'pokemon123',
      'liverpool1', 'charlie123', 'ashley123', 'sunshine1', 'princess1', 'qwertyuiop', 'trustno1',
      'tiny violet kettle', 'correct horse battery staple', 'Zyx-47 lampshade', '🔑🔑🔑🔑🔑🔑🔑🔑', 'short',
      '+14085550142 and more', 'maria@acme.example!',
    ];
    let common = 0;
    for (const loginId of ['+14085550142', 'maria@acme.example']) {
      for (const password of candidates) {
        const form = checkPassword(password, { loginId, minLength: 8 });
        const server = passwordProblem(password, loginId, 8);
        expect(server === undefined, `${password}: the form says ${form}, the server says ${server}`).to.equal(form === undefined);
        if (form === 'common') {
          common++;
          expect(server).to.match(/too common/);
        }
      }
    }
    expect(common).to.be.at.least(10); // several of the list above are common, for both login IDs
    expect(isCommonPassword('PassWord1')).to.equal(true); // case-insensitive
  });
});
