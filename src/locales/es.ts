
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'sc1a90b7ad5d7d3ac': `The file could not be read. Try again, or save it as CSV and upload that.`,
's3e3380c86ef7d753': str`Checking ${0}…`,
's302c85a5611d73bb': str`${0} users ready to invite, ${1} rows with problems.`,
'sd418a3a65d474381': `Add users in bulk`,
'sfa981f882a0750a3': `Download the template and fill in one user per row.`,
'sd2a44582acffcc0f': `Type phone numbers with the country code, starting with + (for example +14085550142). In Excel, format the phone column as Text first, so the + and the digits are kept.`,
'sd616ed3b72b7f024': `Save the file as CSV and drop it below. You will see every problem before anything is sent.`,
's16b083473f3a6a49': `Download template`,
'sf76dec309eac7fca': `Drop your CSV file here, or`,
's380c34975d5b9e4f': `Choose a file`,
'sbf4fb4733829e3c7': str`Checking ${0}`,
'sb54b42ce2901c131': `Rows checked`,
's62f9e2f471a20f5b': str`${0} rows checked`,
's2ceb11be2290bb1b': `Cancel`,
'sb7ba398bbfffba97': str`Review ${0}`,
's5b9a594871a55b61': str`${0} of ${1} users are ready to invite; ${2} rows have problems.`,
'scdea8b054017028a': str`Read as ${0}, separated by “${1}”.`,
's0f7a33e35436413b': `Upload another file`,
'se6e8a4ba0e6e819c': str`Use at least ${0} characters.`,
's3df0693e8ddbabaf': `Use at most 128 characters.`,
's4272882420ce09f6': `Do not use your login ID in your password.`,
'se1f5e77b812ae91c': `The two passwords are not the same.`,
's30b09a749bcb39e1': `Loading your invitation…`,
'sc1bba0a6173dfcde': `This link does not work`,
's294a3d28b876778b': `Check that you opened the whole link from your message, or ask your administrator for a new invitation.`,
'sa615266c44891225': `This invitation has expired`,
's380311df3c78e644': `Ask your administrator to send you a new invitation.`,
'se9304a2ce3cd9292': `You already accepted this invitation`,
's5e27738a2e8eb763': `Sign in`,
's103cb34988888409': `Your password is set`,
's81ecf2d4386b8e84': `Continue`,
'sb9bd4f5a3810b77e': `Something went wrong`,
's955ea21bc142516b': `We could not reach the server. Check your connection and try again.`,
'scd1dd6ff53d0d01a': `Try again`,
's85a488cacb57688b': str`Welcome, ${0}`,
's1c8cc1962f9395fe': str`Set a password for ${0}.`,
's3490e2c8b9ec6ad2': `New password`,
's755a531d75dbae66': `Type it again`,
's9545868045c0d38b': `Setting your password…`,
'sce8d867ca5f35304': `Set password`,
's5711eb97978892b7': `Rows and their problems`,
'sb16ea30b732565de': str`${0} rows`,
'sa013e119fec906fb': `Row`,
's0e6bbd9fe1101fbd': `Problems`,
    };
  