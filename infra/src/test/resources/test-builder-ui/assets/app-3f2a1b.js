console.log("flexboard");
